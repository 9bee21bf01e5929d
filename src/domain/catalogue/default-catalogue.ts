import { buildCatalogue, type Catalogue } from './catalogue.ts';
import certificateTypes from './data/certificate-types.json' with { type: 'json' };
import documents from './data/documents.json' with { type: 'json' };
import entityNatures from './data/entity-natures.json' with { type: 'json' };
import lexicon from './data/lexicon.json' with { type: 'json' };
import orderTypes from './data/order-types.json' with { type: 'json' };
import preApprovals from './data/pre-approvals.json' with { type: 'json' };
import provinceRules from './data/province-rules.json' with { type: 'json' };
import provinces from './data/provinces.json' with { type: 'json' };
import regions from './data/regions.json' with { type: 'json' };
import regionsOutsideFiling from './data/regions-outside-filing.json' with { type: 'json' };
import sources from './data/sources.json' with { type: 'json' };
import tlds from './data/tlds.json' with { type: 'json' };

/** The catalogue shipped with OpenBeian, validated once at module load. */
export const defaultCatalogue: Catalogue = buildCatalogue({
  sources,
  provinces,
  regionsOutsideFiling,
  provinceRules,
  entityNatures,
  certificateTypes,
  preApprovals,
  tlds,
  lexicon,
  orderTypes,
  documentKinds: documents.kinds,
  checklist: documents.checklist,
  regions,
});
