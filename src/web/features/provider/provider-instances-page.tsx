import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function ProviderInstancesPage() {
  return <PageTitle title="ProviderInstancesPage" />;
}
