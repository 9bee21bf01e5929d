import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function AuthoritySmsPage() {
  return <PageTitle title="AuthoritySmsPage" />;
}
