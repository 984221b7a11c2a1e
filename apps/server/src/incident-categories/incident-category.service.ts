import { conflict, invalid, notFound, requireInstallationWide, type Actor, type CategoryCreateInput, type CategoryTreeNode, type CategoryUpdateInput, type CategoryView } from '@civicgrid/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema.js';
import type { IncidentCategoryRepository } from './incident-category.repository.js';

const categoryNotFound = (key: number | string) => notFound('category.not_found', `分类 ${key} 不存在`, `Category ${key} does not exist`);

/** The category tree (class → subclass) with each subclass's department, time limit and urgency. */
export class IncidentCategoryService {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly categories: IncidentCategoryRepository,
  ) {}

  async tree(includeDisabled: boolean): Promise<CategoryTreeNode[]> {
    const rows = await this.categories.list(this.db, includeDisabled);
    const classes = rows.filter((row) => row.parentId === null);
    return classes.map((category) => ({ ...category, children: rows.filter((row) => row.parentId === category.id) }));
  }

  async create(actor: Actor, input: CategoryCreateInput): Promise<CategoryView> {
    requireInstallationWide(actor);
    const isSubclass = input.code.length === 6;
    if (isSubclass !== Boolean(input.parentCode) || (input.parentCode && !input.code.startsWith(input.parentCode))) {
      throw invalid('category.code_mismatch', '小类编码须为所属大类编码加两位数字，大类不填上级', 'A subclass code is its class code plus two digits; a class has no parent');
    }
    if ((input.timeLimit == null) !== (input.timeLimitUnit == null) || (isSubclass && input.timeLimit == null)) {
      throw invalid('category.time_limit_required', '小类须填写办理时限及其单位', 'A subclass needs a time limit and its unit');
    }
    return this.db.transaction().execute(async (transaction) => {
      const parent = input.parentCode ? await this.categories.findByCode(transaction, input.parentCode) : undefined;
      if (input.parentCode && (!parent || parent.parentId !== null)) throw categoryNotFound(input.parentCode);
      if (parent && parent.kind !== input.kind) throw invalid('category.kind_mismatch', '小类的类型须与大类一致', 'A subclass has the kind of its class');
      const id = await this.categories.insert(transaction, input, parent?.id ?? null);
      if (id === undefined) throw conflict('category.code_taken', `分类编码 ${input.code} 已存在`, `Category code ${input.code} already exists`);
      return (await this.categories.findById(transaction, id))!;
    });
  }

  async update(actor: Actor, id: number, change: CategoryUpdateInput): Promise<CategoryView> {
    requireInstallationWide(actor);
    return this.db.transaction().execute(async (transaction) => {
      const category = await this.categories.findById(transaction, id);
      if (!category) throw categoryNotFound(id);
      const timeLimit = change.timeLimit !== undefined ? change.timeLimit : category.timeLimit;
      const unit = change.timeLimitUnit !== undefined ? change.timeLimitUnit : category.timeLimitUnit;
      if ((timeLimit == null) !== (unit == null) || (category.parentId !== null && timeLimit == null)) {
        throw invalid('category.time_limit_required', '小类须填写办理时限及其单位', 'A subclass needs a time limit and its unit');
      }
      await this.categories.update(transaction, id, change);
      return (await this.categories.findById(transaction, id))!;
    });
  }
}
