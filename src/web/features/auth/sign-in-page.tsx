import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function SignInPage() {
  return <PageTitle title="SignInPage" />;
}
