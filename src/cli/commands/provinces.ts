import type { Command } from 'commander';
import { defaultCatalogue } from '../../domain/catalogue/default-catalogue.ts';
import { formatTable, type Output } from '../output.ts';

const RESIDENCY = {
  any_province: 'any province',
  residence_permit: 'local ID or residence permit',
  local_id_only: 'local ID only',
  unspecified: 'not stated',
} as const;

export function registerProvincesCommand(program: Command, output: () => Output): void {
  program
    .command('provinces')
    .description('the 31 provincial authorities with their ICP abbreviations and key filing rules')
    .option('--natures', 'list entity natures and their certificate types instead')
    .action((opts: { natures?: boolean }) => {
      const o = output();
      const catalogue = defaultCatalogue;
      if (opts.natures) {
        if (o.json) {
          o.out(
            JSON.stringify(
              { entityNatures: catalogue.entityNatures, certificateTypes: catalogue.certificateTypes },
              null,
              2,
            ),
          );
          return;
        }
        o.out(
          formatTable(
            ['id', 'nature', '性质', 'certificates'],
            catalogue.entityNatures.map((n) => [n.id, n.nameEn, n.nameZh, n.certificateTypes.join(', ')]),
          ),
        );
        return;
      }
      const rows = catalogue.provinces.map((p) => ({
        province: p,
        rules: catalogue.index.rulesByProvince.get(p.code),
      }));
      if (o.json) {
        o.out(JSON.stringify(rows, null, 2));
        return;
      }
      o.out(
        formatTable(
          [
            'code',
            'abbr',
            'province',
            '省份',
            'individuals',
            'min age',
            'local mobile',
            'display',
            'review (typ/max wd)',
          ],
          rows.map(({ province: p, rules: r }) => [
            p.code,
            [p.icpAbbreviation, ...p.legacyAbbreviations].join('/'),
            p.nameEn,
            p.nameZh,
            r ? RESIDENCY[r.individualResidency.value] : '',
            r ? String(r.minimumAge.value.age) : '',
            r ? (r.localMobileRequired.value ? 'yes' : 'no') : '',
            r ? r.numberDisplay.value : '',
            r ? `${r.authorityReviewDays.value.typical}/${r.authorityReviewDays.value.max}` : '',
          ]),
        ),
      );
    });
}
