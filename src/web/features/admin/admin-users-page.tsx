import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function AdminUsersPage() {
  return <PageTitle title="AdminUsersPage" />;
}
