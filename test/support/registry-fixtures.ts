import type {
  RegistryEntityInput,
  RegistryEntryInput,
  RegistryServiceInput,
} from '../../src/app/registry/registry-store.ts';

/** An entity with overrides; defaults to a Beijing company filed in 2021. */
export function buildRegistryEntity(overrides: Partial<RegistryEntityInput> = {}): RegistryEntityInput {
  return {
    entityNumber: '京ICP备2021034286号',
    unitName: '北京星辰网络科技有限公司',
    nature: 'enterprise',
    provinceCode: '11',
    approvedOn: '2021-06-01',
    ...overrides,
  };
}

/** A website of `entityNumber` with suffix `index`; pass `serviceType` and the matching suffix for others. */
export function buildRegistryService(
  entityNumber: string,
  index: number,
  overrides: Partial<RegistryServiceInput> = {},
): RegistryServiceInput {
  return {
    serviceNumber: `${entityNumber}-${index}`,
    serviceType: 'website',
    serviceName: '星辰官网',
    contentType: '单位门户网站',
    domains: [`site${index}.example.cn`],
    approvedOn: '2021-06-01',
    isAccessLimited: false,
    ...overrides,
  };
}

/** An entry of one entity and its services. */
export function buildRegistryEntry(
  entity: Partial<RegistryEntityInput> = {},
  services: (Partial<RegistryServiceInput> & { index: number })[] = [{ index: 1 }],
): RegistryEntryInput {
  const built = buildRegistryEntity(entity);
  return {
    entity: built,
    services: services.map(({ index, ...rest }) => buildRegistryService(built.entityNumber, index, rest)),
  };
}
