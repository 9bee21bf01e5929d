/**
 * Why the server refuses a catalogue edit (or reports one that no longer applies): stable codes the
 * API sends in `details.problems[].code` and the admin pages word in the UI language.
 */
export const CATALOGUE_EDIT_PROBLEM_CODES = [
  'unknown_province',
  'value_or_note_required',
  'list_field_has_no_note',
  'not_a_domain_suffix',
  'tld_already_fileable',
  'tld_not_fileable',
  'national_list_takes_no_province',
  'province_required',
  'term_already_listed',
  'term_not_listed',
  'unknown_source',
  'personal_data',
  'catalogue_check_failed',
] as const;

export type CatalogueEditProblemCode = (typeof CATALOGUE_EDIT_PROBLEM_CODES)[number];
