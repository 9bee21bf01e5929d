import { PageTitle } from '../../components/page-title.tsx';

// Placeholder: the page is being built.
export function NewOrderPage() {
  return <PageTitle title="NewOrderPage" />;
}

export function EditOrderPage() {
  return <PageTitle title="EditOrderPage" />;
}
