import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decode-html.ts';

const FOOTER =
  '<footer><a href="https://beian.miit.gov.cn/">京ICP备2024012345号-1</a> 京公网安备11010502030143号</footer>';

function page(head: string): string {
  return `<!doctype html><html><head>${head}<title>示例网站</title></head><body>${FOOTER}</body></html>`;
}

describe('decodeHtml', () => {
  it('decodes a GBK page labelled by <meta charset>', () => {
    const html = page('<meta charset="gbk">');
    const result = decodeHtml(iconv.encode(html, 'gbk'));
    expect(result).toEqual({ html, charset: 'gbk', source: 'meta' });
  });

  it('decodes a GB18030 page labelled only in the Content-Type header', () => {
    // 𠮷 (U+20BB7) needs GB18030's four-byte form; GBK has no code for it.
    const html = page('').replace('示例网站', '示例网站𠮷');
    const result = decodeHtml(iconv.encode(html, 'gb18030'), 'text/html; charset=GB18030');
    expect(result).toEqual({ html, charset: 'gb18030', source: 'header' });
  });

  it('sniffs an unlabelled GBK page', () => {
    const html = page('');
    const result = decodeHtml(iconv.encode(html, 'gbk'));
    expect(result).toEqual({ html, charset: 'gb18030', source: 'sniffed' });
  });

  it('sniffs an unlabelled UTF-8 page', () => {
    const html = page('');
    expect(decodeHtml(Buffer.from(html))).toEqual({ html, charset: 'utf-8', source: 'sniffed' });
  });

  it('reads http-equiv Content-Type in a meta tag', () => {
    const html = page('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">');
    expect(decodeHtml(iconv.encode(html, 'gbk'))).toEqual({ html, charset: 'gbk', source: 'meta' });
  });

  it('reads an unquoted meta charset and ignores one in a comment', () => {
    const html = page('<!-- <meta charset="big5"> --><meta charset=x-gbk>');
    expect(decodeHtml(iconv.encode(html, 'gbk'))).toEqual({ html, charset: 'gbk', source: 'meta' });
  });

  it.each([
    ['utf-8', [0xef, 0xbb, 0xbf], 'utf8'],
    ['utf-16le', [0xff, 0xfe], 'utf16le'],
    ['utf-16be', [0xfe, 0xff], 'utf16be'],
  ] as const)('follows a %s byte-order mark over header and meta', (charset, bom, encoding) => {
    const html = page('<meta charset="gbk">');
    const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(html, encoding)]);
    expect(decodeHtml(bytes, 'text/html; charset=gbk')).toEqual({ html, charset, source: 'bom' });
  });

  it('prefers the header over a meta tag', () => {
    const html = page('<meta charset="gbk">');
    expect(decodeHtml(Buffer.from(html), 'text/html;charset="utf-8"')).toEqual({
      html,
      charset: 'utf-8',
      source: 'header',
    });
  });

  it('falls through an unknown label to the next step', () => {
    const html = page('<meta charset="gbk">');
    expect(decodeHtml(iconv.encode(html, 'gbk'), 'text/html; charset=klingon')).toEqual({
      html,
      charset: 'gbk',
      source: 'meta',
    });
  });

  it('decodes other encodings iconv-lite knows', () => {
    const html = page('<meta charset="big5">').replace('示例网站', '範例網站');
    expect(decodeHtml(iconv.encode(html, 'big5'))).toEqual({ html, charset: 'big5', source: 'meta' });
  });

  it('treats a meta tag that claims UTF-16 as UTF-8 (it was readable as ASCII)', () => {
    const html = page('<meta charset="utf-16">');
    expect(decodeHtml(Buffer.from(html))).toEqual({ html, charset: 'utf-8', source: 'meta' });
  });

  it('reads latin1 labels as windows-1252, as browsers do', () => {
    const bytes = Buffer.from([...Buffer.from('<p>'), 0x80, ...Buffer.from('</p>')]);
    expect(decodeHtml(bytes, 'text/html; charset=ISO-8859-1')).toEqual({
      html: '<p>€</p>',
      charset: 'windows-1252',
      source: 'header',
    });
  });

  it('returns an empty page as UTF-8 by default', () => {
    expect(decodeHtml(new Uint8Array(0))).toEqual({ html: '', charset: 'utf-8', source: 'default' });
  });

  it('round-trips any text through GBK with a meta label', () => {
    const gbkText = fc.string({
      unit: fc.constantFrom(...'京ICP备号公安网站首页关于我们联系方式0123456789-'),
      maxLength: 40,
    });
    fc.assert(
      fc.property(gbkText, (text) => {
        const html = page('<meta charset="gbk">').replace('示例网站', text);
        expect(decodeHtml(iconv.encode(html, 'gbk')).html).toBe(html);
      }),
    );
  });
});
