/**
 * The district office's pages under /dinas: login, the table of every cooperative, and one page
 * per cooperative (reports, devices, flags, backup import). A lazy chunk of its own (see
 * src/app/routing/routes.ts): nothing here, not even this stylesheet, reaches a treasurer's phone.
 */
import './district.css';
import { usePathname } from '../navigation/location.ts';
import { AdminSessionContext, useAdminSessionState } from './admin-session.ts';
import { useAdminClient } from './client-context.ts';
import { CooperativePage } from './CooperativePage.tsx';
import { CooperativesPage } from './CooperativesPage.tsx';
import { failureText } from './error-text.ts';
import { LoginPage } from './LoginPage.tsx';
import { districtMessages } from './messages.ts';
import { OfficeBar } from './OfficeBar.tsx';
import { districtRoute } from './district-route.ts';
import { Link } from '../navigation/link.tsx';

export default function DistrictPage() {
  const m = districtMessages.useMessages();
  const client = useAdminClient();
  const session = useAdminSessionState(client);
  const { state } = session;

  let body;
  switch (state.status) {
    case 'checking':
      body = (
        <p className="loading" role="status">
          {m.loading}
        </p>
      );
      break;
    case 'unreachable':
      body = (
        <>
          <h1 className="page__title">{m.title}</h1>
          <p className="form-error" role="alert">
            {failureText(state.error, m)}
          </p>
          <button type="button" className="button" onClick={session.recheck}>
            {m.retry}
          </button>
        </>
      );
      break;
    case 'signed-out':
      body = <LoginPage notice={state.notice} />;
      break;
    case 'signed-in':
      body = (
        <>
          <OfficeBar username={state.admin.username} />
          <SignedInRoutes />
        </>
      );
      break;
  }
  return (
    <AdminSessionContext value={session}>
      <div className="district">{body}</div>
    </AdminSessionContext>
  );
}

function SignedInRoutes() {
  const m = districtMessages.useMessages();
  const route = districtRoute(usePathname());
  switch (route.page) {
    case 'cooperatives':
      return <CooperativesPage />;
    case 'cooperative':
      return <CooperativePage key={route.id} id={route.id} />;
    case 'unknown':
      return (
        <>
          <h1 className="page__title">{m.detail.notFound}</h1>
          <Link to="/dinas">{m.bar.home}</Link>
        </>
      );
  }
}
