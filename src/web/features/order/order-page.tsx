import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function OrderPage() {
  return <PageTitle title="OrderPage" />;
}
