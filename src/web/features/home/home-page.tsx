import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function HomePage() {
  return <PageTitle title="HomePage" />;
}
