import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function DashboardPage() {
  return <PageTitle title="DashboardPage" />;
}
