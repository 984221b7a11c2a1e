import { DownloadOutlined, PlusOutlined, UploadOutlined, UsergroupDeleteOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from './app-location';
import { IMPORT_ROUTE, PERSON_CREATE_ROUTE, PERSON_DUPLICATES_ROUTE, PERSON_LIST_ROUTE } from './app-routes';
import { useI18n } from './i18n/i18n-context';
import { PageFrame } from './page-frame';
import { personApi } from './person-api';
import { PersonExportModal } from './person-export-modal';
import { PersonListFilters } from './person-list-filters';
import { PersonTable } from './person-table';
import type { PersonListFilter, PersonListItem, RecordPage } from './register-types';
import { useCurrentUser } from './session-context';
import { useErrorMessage } from './use-error-message';

interface ListState {
  filter: PersonListFilter;
  page: number;
  pageSize: number;
}

// Kept while the console is open, so that coming back from a person shows the same filters and page.
const remembered = new Map<number, ListState>();

/** 实有人口: the persons of the user's jurisdiction, filtered; import, export, new, and the suspected duplicates. */
export function PersonListPage() {
  const user = useCurrentUser();
  const reportError = useErrorMessage();
  const { t, routeLabel } = useI18n();
  const canManage = user.can('base_data.manage');
  const [state, setState] = useState<ListState>(() => remembered.get(user.userId) ?? { filter: {}, page: 1, pageSize: 20 });
  const [result, setResult] = useState<RecordPage<PersonListItem>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    remembered.set(user.userId, state);
  }, [state, user.userId]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    personApi
      .list(state.filter, { page: state.page, pageSize: state.pageSize }, controller.signal)
      .then(setResult)
      .catch(reportError)
      .finally(() => controller.signal.aborted || setLoading(false));
    return () => controller.abort();
  }, [state, reportError]);

  return (
    <PageFrame
      trail={[{ title: routeLabel(PERSON_LIST_ROUTE) }]}
      title={routeLabel(PERSON_LIST_ROUTE)}
      description={t('person.list.description')}
      actions={
        <>
          {canManage && (
            <Button icon={<UsergroupDeleteOutlined />} onClick={() => navigate(PERSON_DUPLICATES_ROUTE.path)}>
              {t('person.duplicates')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('person.export')}
          </Button>
          {canManage && (
            <Button icon={<UploadOutlined />} onClick={() => navigate(IMPORT_ROUTE.path)}>
              {t('person.import')}
            </Button>
          )}
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(PERSON_CREATE_ROUTE.path)}>
              {t('person.new')}
            </Button>
          )}
        </>
      }
    >
      <Card>
        <PersonListFilters value={state.filter} onChange={(filter) => setState((current) => ({ ...current, filter, page: 1 }))} />
        <PersonTable
          persons={result.items}
          total={result.total}
          loading={loading}
          page={state.page}
          pageSize={state.pageSize}
          onPageChange={(page, pageSize) => setState((current) => ({ ...current, page: pageSize === current.pageSize ? page : 1, pageSize }))}
        />
      </Card>
      <PersonExportModal open={exporting} filter={state.filter} total={result.total} onClose={() => setExporting(false)} />
    </PageFrame>
  );
}
