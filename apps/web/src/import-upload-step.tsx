import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Progress, Radio, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
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
        <Form.Item label="1. 下载导入模板" extra="模板第一行为列名，带 * 的列必填；请勿修改列名。">
          <Flex gap={8} data-testid="import-templates">
            <Button icon={<DownloadOutlined />} href={importApi.templateUrl(register, 'xlsx')} download>
              Excel 模板（.xlsx）
            </Button>
            <Button icon={<DownloadOutlined />} href={importApi.templateUrl(register, 'csv')} download>
              CSV 模板（.csv）
            </Button>
          </Flex>
        </Form.Item>
        <Form.Item label="2. 选择填好的文件" extra="支持 .xlsx 和 .csv，不超过 1 GB；CSV 的 UTF-8 或 GBK 编码由系统自动识别。">
          <div data-testid="import-file">
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(chosen) => {
                setProblem(chosen.size > MAX_FILE_BYTES ? '文件超过 1 GB，请分成几个文件导入' : null);
                if (chosen.size <= MAX_FILE_BYTES) setFile(chosen);
                // Sent with the mode when 开始导入 is pressed, not on choosing.
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或将文件拖到此处</p>
            </Upload.Dragger>
          </div>
        </Form.Item>
        <Form.Item label="3. 有错误的行如何处理">
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value as ImportMode)}
            data-testid="import-mode"
            options={[
              { value: 'skip_invalid', label: '跳过错误行：正确的行导入，错误的行列入错误报告' },
              { value: 'all_or_nothing', label: '全部成功才导入：有任何一行错误，则整个文件都不导入' },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Flex gap={12} align="center">
        <Button type="primary" size="large" disabled={!file} loading={uploaded !== null} onClick={start} data-testid="import-start">
          {uploaded === null ? '开始导入' : '正在上传'}
        </Button>
        {uploaded === null ? (
          <Typography.Text type="secondary">按证件号码去重：已登记的人员将更新，未登记的新增。</Typography.Text>
        ) : (
          <Progress percent={Math.floor(uploaded * 100)} size="small" style={{ width: 280 }} />
        )}
      </Flex>
    </Flex>
  );
}
