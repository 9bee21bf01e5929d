import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function AccountPage() {
  return <PageTitle title="AccountPage" />;
}
