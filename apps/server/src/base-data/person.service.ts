import { maskIdNumber, maskPhone, notFound, type Actor } from '@civicgrid/domain';
import type { AuditRepository } from '../audit/audit.repository.js';
import type { PersonRecordRow, PersonRepository } from './person.repository.js';

const personNotFound = (id: number) => notFound('person.not_found', `人员 ${id} 不存在`, `Person ${id} does not exist`);

/** Persons leave the server masked; revealing one record takes a permission and a reason, and is audited. */
export class PersonService {
  constructor(
    private readonly persons: PersonRepository,
    private readonly audit: AuditRepository,
  ) {}

  async get(actor: Actor, id: number) {
    const person = await this.persons.findById(id, actor.jurisdiction);
    if (!person) throw personNotFound(id);
    const { idNumber, mobile, ...rest } = person;
    return { ...rest, idNumberMasked: idNumber ? maskIdNumber(idNumber) : null, mobileMasked: mobile ? maskPhone(mobile) : null };
  }

  async reveal(actor: Actor, id: number, reason: string, ip: string | null): Promise<Pick<PersonRecordRow, 'id' | 'name' | 'idNumber' | 'mobile'>> {
    const person = await this.persons.findById(id, actor.jurisdiction);
    if (!person) throw personNotFound(id);
    await this.audit.append({
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorApiTokenId: actor.kind === 'api_token' ? actor.apiTokenId : null,
      ip,
      action: 'person.reveal',
      targetTable: 'persons',
      targetId: id,
      reason,
      details: { fields: ['idNumber', 'mobile'] },
    });
    return { id: person.id, name: person.name, idNumber: person.idNumber, mobile: person.mobile };
  }
}
