import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Steps, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from './app-location';
import { IMPORT_ROUTE, PERSON_LIST_ROUTE } from './app-routes';
import { formatDateTime } from './format-date-time';
import { useI18n, type Translate } from './i18n/i18n-context';
import { ImportProgress, ImportResult, ImportStatusTag } from './import-job-views';
import { ImportUploadStep } from './import-upload-step';
import { PageFrame } from './page-frame';
import { importApi } from './person-api';
import type { ImportJob } from './register-types';
import { isFinished, useImportJob } from './use-import-job';
import { useErrorMessage } from './use-error-message';

const REGISTER = 'persons';
const recentColumns = (t: Translate): TableColumnsType<ImportJob> => [
  { key: 'createdAt', title: t('import.createdAt'), dataIndex: 'createdAt', width: 170, render: (at?: string) => formatDateTime(at) },
  { key: 'fileName', title: t('import.file'), dataIndex: 'fileName', ellipsis: true, render: (name?: string | null) => name ?? '—' },
  { key: 'mode', title: t('import.mode'), dataIndex: 'mode', width: 130, render: (mode?: ImportJob['mode']) => (mode ? t(`import.mode.${mode}`) : '—') },
  { key: 'status', title: t('common.status'), dataIndex: 'status', width: 90, render: (_status, job) => <ImportStatusTag status={job.status} /> },
  {
    key: 'counts',
    title: t('import.counts'),
    width: 200,
    render: (_value, job) => `${job.insertedRows} / ${job.updatedRows} / ${job.unchangedRows} / ${job.invalidRows}`,
  },
];

/** 我的导入: the user's recent imports; one opens its progress or result above. */
function RecentImports({ reloads, onOpen }: { reloads: number; onOpen: (job: ImportJob) => void }) {
  const reportError = useErrorMessage();
  const { t } = useI18n();
  const [jobs, setJobs] = useState<ImportJob[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    importApi.recent(controller.signal).then(setJobs).catch(reportError);
    return () => controller.abort();
  }, [reloads, reportError]);
  return (
    <Card title={t('import.recent')} size="small" data-testid="recent-imports">
      <Table<ImportJob>
        rowKey="id"
        size="small"
        columns={recentColumns(t)}
        dataSource={jobs ?? []}
        loading={jobs === null}
        pagination={false}
        locale={{ emptyText: t('import.noneYet') }}
        onRow={(job) => ({ onClick: () => onOpen(job), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}

/** 批量导入: template, file and mode; the upload's progress, polled every second; the counts and every refused row. */
export function ImportWizardPage() {
  const { t, routeLabel } = useI18n();
  const [jobId, setJobId] = useState<number | null>(null);
  const [uploads, setUploads] = useState(0);
  const { job, problem } = useImportJob(jobId);
  const finished = isFinished(job);
  const step = jobId === null ? 0 : finished ? 2 : 1;

  // The list shows the new job at once, and its outcome when it is known.
  useEffect(() => {
    if (finished) setUploads((count) => count + 1);
  }, [finished]);

  return (
    <PageFrame
      trail={[{ title: routeLabel(PERSON_LIST_ROUTE), path: PERSON_LIST_ROUTE.path }, { title: routeLabel(IMPORT_ROUTE) }]}
      title={t('import.title')}
      description={t('import.description')}
    >
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          items={[{ title: t('import.step.file') }, { title: t('import.step.running') }, { title: t('import.step.result') }]}
          style={{ maxWidth: 720, marginBottom: 24 }}
          data-testid="import-steps"
        />
        {step === 0 && (
          <ImportUploadStep
            register={REGISTER}
            onStarted={(id) => {
              setJobId(id);
              setUploads((count) => count + 1);
            }}
          />
        )}
        {step === 1 && <ImportProgress job={job} problem={problem} />}
        {step === 2 && job && (
          <ImportResult
            job={job}
            actions={[
              <Button key="again" icon={<ReloadOutlined />} onClick={() => setJobId(null)}>
                {t('import.again')}
              </Button>,
              <Button key="list" type="primary" onClick={() => navigate(PERSON_LIST_ROUTE.path)}>
                {t('import.viewPersons')}
              </Button>,
            ]}
          />
        )}
      </Card>
      <RecentImports reloads={uploads} onOpen={(opened) => setJobId(opened.id)} />
    </PageFrame>
  );
}
