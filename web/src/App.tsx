import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth';
import { Loading } from './components';
import { AdminLayout } from './pages/admin/AdminLayout';
import { ApiKeysPage } from './pages/admin/ApiKeysPage';
import { AuditLogPage } from './pages/admin/AuditLogPage';
import { PersonasPage } from './pages/admin/PersonasPage';
import { StaffUsersPage } from './pages/admin/StaffUsersPage';
import { ConversationsPage } from './pages/ConversationsPage';
import { ConsolePage } from './pages/console/ConsolePage';
import { FraudPage } from './pages/FraudPage';
import { AreaGuard, RequireAuth } from './pages/guards';
import { HomePage } from './pages/HomePage';
import { HotlineCallPage } from './pages/hotline/HotlineCallPage';
import { HotlineCallsPage } from './pages/hotline/HotlineCallsPage';
import { InsightsOverviewPage } from './pages/insights/InsightsOverviewPage';
import { ReviewQueuePage } from './pages/insights/ReviewQueuePage';
import { SlaPage } from './pages/insights/SlaPage';
import { ThemePage } from './pages/insights/ThemePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OperationsPage } from './pages/OperationsPage';
import { Shell } from './pages/Shell';
import { SupportPage } from './pages/SupportPage';

// The customer demo is a separate experience with its own styles: load it only when visited.
const DemoPage = lazy(() => import('./demo/DemoPage'));
// The public founder-hotline page (browser calls, the text version) likewise.
const HotlinePage = lazy(() => import('./hotline/HotlinePage'));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/demo"
          element={
            <Suspense fallback={<Loading />}>
              <DemoPage />
            </Suspense>
          }
        />
        <Route
          path="/hotline"
          element={
            <Suspense fallback={<Loading />}>
              <HotlinePage />
            </Suspense>
          }
        />
        <Route path="*" element={<StaffApp />} />
      </Routes>
    </BrowserRouter>
  );
}

function StaffApp() {
  return (
    <AuthProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <Shell />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route
            path="console"
            element={
              <AreaGuard area="console">
                <ConsolePage />
              </AreaGuard>
            }
          />
          <Route
            path="conversations"
            element={
              <AreaGuard area="conversations">
                <ConversationsPage />
              </AreaGuard>
            }
          />
          <Route
            path="insights"
            element={
              <AreaGuard area="insights">
                <InsightsOverviewPage />
              </AreaGuard>
            }
          />
          <Route
            path="insights/review"
            element={
              <AreaGuard area="insights">
                <ReviewQueuePage />
              </AreaGuard>
            }
          />
          <Route
            path="insights/sla"
            element={
              <AreaGuard area="insights">
                <SlaPage />
              </AreaGuard>
            }
          />
          <Route
            path="insights/themes/:id"
            element={
              <AreaGuard area="insights">
                <ThemePage />
              </AreaGuard>
            }
          />
          <Route
            path="hotline/calls"
            element={
              <AreaGuard area="hotline">
                <HotlineCallsPage />
              </AreaGuard>
            }
          />
          <Route
            path="hotline/calls/:id"
            element={
              <AreaGuard area="hotline">
                <HotlineCallPage />
              </AreaGuard>
            }
          />
          <Route
            path="fraud"
            element={
              <AreaGuard area="fraud">
                <FraudPage />
              </AreaGuard>
            }
          />
          <Route
            path="operations"
            element={
              <AreaGuard area="operations">
                <OperationsPage />
              </AreaGuard>
            }
          />
          <Route
            path="operations/support"
            element={
              <AreaGuard area="operations">
                <SupportPage />
              </AreaGuard>
            }
          />
          <Route
            path="admin"
            element={
              <AreaGuard area="admin">
                <AdminLayout />
              </AreaGuard>
            }
          >
            <Route index element={<Navigate to="staff" replace />} />
            <Route path="staff" element={<StaffUsersPage />} />
            <Route path="api-keys" element={<ApiKeysPage />} />
            <Route path="personas" element={<PersonasPage />} />
            <Route path="audit" element={<AuditLogPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}
