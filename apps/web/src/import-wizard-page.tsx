import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Steps, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from './app-location';
import { IMPORT_ROUTE, PERSON_LIST_ROUTE } from './app-routes';
import { formatDateTime } from './format-date-time';
import { ImportProgress, ImportResult, ImportStatusTag } from './import-job-views';
import { ImportUploadStep } from './import-upload-step';
import { PageFrame } from './page-frame';
import { importApi } from './person-api';
import type { ImportJob } from './register-types';
import { isFinished, useImportJob } from './use-import-job';
import { useErrorMessage } from './use-error-message';

const REGISTER = 'persons';
const MODE_LABELS = { all_or_nothing: '全部成功才导入', skip_invalid: '跳过错误行' } as const;

const recentColumns: TableColumnsType<ImportJob> = [
  { key: 'createdAt', title: '导入时间', dataIndex: 'createdAt', width: 170, render: (at?: string) => formatDateTime(at) },
  { key: 'fileName', title: '文件', dataIndex: 'fileName', ellipsis: true, render: (name?: string | null) => name ?? '—' },
  { key: 'mode', title: '方式', dataIndex: 'mode', width: 130, render: (mode?: ImportJob['mode']) => (mode ? MODE_LABELS[mode] : '—') },
  { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (_status, job) => <ImportStatusTag status={job.status} /> },
  {
    key: 'counts',
    title: '新增 / 更新 / 未变 / 错误',
    width: 200,
    render: (_value, job) => `${job.insertedRows} / ${job.updatedRows} / ${job.unchangedRows} / ${job.invalidRows}`,
  },
];

/** 我的导入: the user's recent imports; one opens its progress or result above. */
function RecentImports({ reloads, onOpen }: { reloads: number; onOpen: (job: ImportJob) => void }) {
  const reportError = useErrorMessage();
  const [jobs, setJobs] = useState<ImportJob[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    importApi.recent(controller.signal).then(setJobs).catch(reportError);
    return () => controller.abort();
  }, [reloads, reportError]);
  return (
    <Card title="我的导入" size="small" data-testid="recent-imports">
      <Table<ImportJob>
        rowKey="id"
        size="small"
        columns={recentColumns}
        dataSource={jobs ?? []}
        loading={jobs === null}
        pagination={false}
        locale={{ emptyText: '还没有导入过' }}
        onRow={(job) => ({ onClick: () => onOpen(job), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}

/** 批量导入: template, file and mode; the upload's progress, polled every second; the counts and every refused row. */
export function ImportWizardPage() {
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
      trail={[{ title: PERSON_LIST_ROUTE.label, path: PERSON_LIST_ROUTE.path }, { title: IMPORT_ROUTE.label }]}
      title="批量导入实有人口"
      description="按模板填写后上传；按证件号码去重，每一行的错误都列入报告"
    >
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          items={[{ title: '选择文件' }, { title: '导入中' }, { title: '导入结果' }]}
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
                再导入一个文件
              </Button>,
              <Button key="list" type="primary" onClick={() => navigate(PERSON_LIST_ROUTE.path)}>
                查看实有人口
              </Button>,
            ]}
          />
        )}
      </Card>
      <RecentImports reloads={uploads} onOpen={(opened) => setJobId(opened.id)} />
    </PageFrame>
  );
}
