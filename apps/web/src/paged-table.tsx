import { Table, type TableColumnsType } from 'antd';

interface PagedTableProps<Row> {
  rows: Row[];
  columns: TableColumnsType<Row>;
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  /** What a click on a row opens. */
  onOpen: (row: Row) => void;
  emptyText: string;
  /** The total under the table, in the words of its rows: 共 N 件 / 人 / 个. */
  totalText: (count: number) => string;
  testId: string;
}

/** One page of a list whose rows each open a record: the console's lists share this paging and clicking. */
export function PagedTable<Row extends { id: number }>({
  rows, columns, total, loading, page, pageSize, onPageChange, onOpen, emptyText, totalText, testId,
}: PagedTableProps<Row>) {
  return (
    <Table<Row>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      size="middle"
      tableLayout="fixed"
      locale={{ emptyText }}
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: totalText,
        onChange: onPageChange,
      }}
      data-testid={testId}
    />
  );
}
