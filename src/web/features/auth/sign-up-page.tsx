import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function SignUpPage() {
  return <PageTitle title="SignUpPage" />;
}
