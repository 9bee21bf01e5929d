import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function AdminCalendarPage() {
  return <PageTitle title="AdminCalendarPage" />;
}
