import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function StatsPage() {
  return <PageTitle title="StatsPage" />;
}
