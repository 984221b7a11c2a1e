import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Progress, Radio, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from './i18n/i18n-context';
import { importApi } from './person-api';
import type { ImportMode } from './register-types';
import { errorMessageOf } from './use-error-message';

/** The server refuses larger files; say so before the upload. */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

interface ImportUploadStepProps {
  register: string;
  onStarted: (jobId: number) => void;
}

/** Step 1: the template, the filled-in file and what to do with bad rows; then the upload. */
export function ImportUploadStep({ register, onStarted }: ImportUploadStepProps) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('skip_invalid');
  /** How much of the file has been sent, 0 to 1; null when no upload is under way. */
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : [];

  const start = async () => {
    if (!file) return;
    setUploaded(0);
    setProblem(null);
    try {
      onStarted((await importApi.start(register, file, mode, setUploaded)).id);
    } catch (error) {
      setProblem(errorMessageOf(error));
    } finally {
      setUploaded(null);
    }
  };

  return (
    <Flex vertical gap={20} data-testid="import-upload-step">
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('import.templateStep')} extra={t('import.templateHint')}>
          <Flex gap={8} data-testid="import-templates">
            <Button icon={<DownloadOutlined />} href={importApi.templateUrl(register, 'xlsx')} download>
              {t('import.xlsxTemplate')}
            </Button>
            <Button icon={<DownloadOutlined />} href={importApi.templateUrl(register, 'csv')} download>
              {t('import.csvTemplate')}
            </Button>
          </Flex>
        </Form.Item>
        <Form.Item label={t('import.fileStep')} extra={t('import.fileHint')}>
          <div data-testid="import-file">
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(chosen) => {
                setProblem(chosen.size > MAX_FILE_BYTES ? t('import.tooLarge') : null);
                if (chosen.size <= MAX_FILE_BYTES) setFile(chosen);
                // Sent with the mode when 开始导入 is pressed, not on choosing.
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.drop')}</p>
            </Upload.Dragger>
          </div>
        </Form.Item>
        <Form.Item label={t('import.modeStep')}>
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value as ImportMode)}
            data-testid="import-mode"
            options={[
              { value: 'skip_invalid', label: t('import.modeHint.skip_invalid') },
              { value: 'all_or_nothing', label: t('import.modeHint.all_or_nothing') },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Flex gap={12} align="center">
        <Button type="primary" size="large" disabled={!file} loading={uploaded !== null} onClick={start} data-testid="import-start">
          {uploaded === null ? t('import.start') : t('import.uploading')}
        </Button>
        {uploaded === null ? (
          <Typography.Text type="secondary">{t('import.dedupHint')}</Typography.Text>
        ) : (
          <Progress percent={Math.floor(uploaded * 100)} size="small" style={{ width: 280 }} />
        )}
      </Flex>
    </Flex>
  );
}
