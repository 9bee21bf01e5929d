/**
 * Upper bounds of the wire schemas, shared by the server (400 before any rule runs), the web forms
 * (`maxLength` on inputs) and the CLI. They bound storage and work per request; the domain rules decide
 * what is valid within them (e.g. a website name counts at most 50 characters, well inside its limit).
 */
export const LIMITS = {
  /** Catalogue ids (natures, certificate types, pre-approvals, document kinds) and stored document ids. */
  id: 64,
  /** People's names; foreign names in passports can be long. */
  personName: 100,
  /** Organisation names as registered; the longest Chinese company names stay well below this. */
  entityName: 200,
  /** Certificate numbers: 18 characters for IDs and USCCs, free text for the legacy certificates. */
  certificateNumber: 40,
  /** `YYYY-MM-DD` or `long_term`. */
  date: 10,
  /** Phone numbers as typed, with country code, separators and an extension. */
  phone: 40,
  /** RFC 5321 path limit. */
  email: 254,
  address: 200,
  remarks: 1000,
  siteName: 100,
  /** A domain as typed; a pasted URL is reduced to its host by the validator. */
  domain: 300,
  url: 2048,
  approvalNumber: 100,
  /** Android package names and iOS bundle ids are at most 255 characters. */
  appIdentifier: 255,
  /** A hex fingerprint with colon separators (SHA-1: 59 characters). */
  signature: 100,
  publicKey: 8192,
  /** A BCP 47 language tag such as `zh-CN`. */
  languageTag: 35,
  instanceId: 128,
  serviceCode: 128,
  region: 64,
  /** An IPv6 address with an embedded IPv4 tail is at most 45 characters. */
  ipAddress: 45,
  /** A field path such as `services[12].admin` (see src/domain/workflow/field-path.ts). */
  fieldPath: 300,

  /** Services one order may carry; far above any province's per-order limit. */
  servicesPerOrder: 100,
  preApprovalsPerService: 20,
  activitiesPerService: 20,
  languagesPerService: 20,
  platformsPerApp: 3,
  ipAddressesPerAccess: 64,
  attachmentsPerOrder: 200,
} as const;
