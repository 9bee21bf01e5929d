import type { Command } from 'commander';
import type { Validation } from '../../domain/shared/issue.ts';
import { validateEmail } from '../../domain/validate/email.ts';
import {
  validateForeignPermanentResidence,
  validateHkMacaoPermit,
  validatePassport,
  validateTaiwanPermit,
} from '../../domain/validate/person-documents.ts';
import { validateLandline, validateMobile } from '../../domain/validate/phone.ts';
import { type Output, printValidation } from '../output.ts';

interface SimpleCommand {
  name: string;
  description: string;
  argument: string;
  validate: (input: string) => Validation<object>;
}

/** Format checks for people's documents and contact details, one command each. */
const COMMANDS: SimpleCommand[] = [
  {
    name: 'passport',
    description: 'check a passport number (护照)',
    argument: '<number>',
    validate: validatePassport,
  },
  {
    name: 'hk-macao-permit',
    description: 'check a Mainland Travel Permit for Hong Kong and Macao Residents (港澳居民来往内地通行证)',
    argument: '<number>',
    validate: validateHkMacaoPermit,
  },
  {
    name: 'taiwan-permit',
    description: 'check a Mainland Travel Permit for Taiwan Residents (台湾居民来往大陆通行证)',
    argument: '<number>',
    validate: validateTaiwanPermit,
  },
  {
    name: 'permanent-residence',
    description: "check a Foreigner's Permanent Residence ID card number (外国人永久居留身份证)",
    argument: '<number>',
    validate: validateForeignPermanentResidence,
  },
  {
    name: 'mobile',
    description: 'check a mainland mobile number (手机号码)',
    argument: '<phone>',
    validate: validateMobile,
  },
  {
    name: 'landline',
    description: 'check a landline with area code (固定电话), e.g. 010-12345678',
    argument: '<phone>',
    validate: validateLandline,
  },
  { name: 'email', description: 'check an e-mail address', argument: '<address>', validate: validateEmail },
];

export function registerPersonCommands(program: Command, output: () => Output): void {
  for (const spec of COMMANDS) {
    program
      .command(spec.name)
      .description(spec.description)
      .argument(spec.argument.replace('>', '...>'), 'spaces between parts are allowed')
      .action((words: string[]) => {
        const result = spec.validate(words.join(' '));
        process.exitCode = printValidation(output(), result, (v) =>
          Object.entries(v)
            .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
            .map(([key, value]) => [key, value as string | number | boolean]),
        );
      });
  }
}
