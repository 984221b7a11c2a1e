import { buildIdNumber, SeededRandom, type Rectangle } from '@civicgrid/domain';
import { estateName, mobilePhone, personName, surnameOf } from './demo-names.js';

export interface IdAllocator {
  building: number;
  unit: number;
  house: number;
  household: number;
  person: number;
}

export interface PopulationBatch {
  buildings: { id: number; gridId: number; name: string; address: string; floors: number; lon: number; lat: number }[];
  units: { id: number; buildingId: number; name: string }[];
  houses: { id: number; buildingId: number; unitId: number; floor: number; number: string; use: string }[];
  households: { id: number; houseId: number; gridId: number; householdNumber: string }[];
  persons: {
    id: number; gridId: number; name: string; gender: 'male' | 'female'; idType: string; idNumber: string; birthDate: string;
    residency: 'registered' | 'floating' | 'foreign'; nationality: string; mobile: string | null; householdId: number; relationToHead: string; currentAddress: string;
  }[];
}

export function emptyBatch(): PopulationBatch {
  return { buildings: [], units: [], houses: [], households: [], persons: [] };
}

// Where floating residents come from: address codes of other cities.
const ORIGIN_ADDRESS_CODES = ['370102', '370211', '371302', '371402', '410102', '130102', '340102', '320102', '220102', '610102'];
const NATIONALITIES = ['KOR', 'JPN', 'USA', 'RUS', 'VNM'];
const HOUSEHOLD_SIZES = [1, 2, 2, 3, 3, 3, 4, 4, 5];
const REFERENCE_YEAR = 2026;

/** Keeps ID numbers unique: a running sequence per address code and birth date, odd for men. */
export class IdNumberSequencer {
  private readonly used = new Map<string, number>();

  next(addressCode: string, birthDate: string, gender: 'male' | 'female'): string {
    const key = `${addressCode}${birthDate}${gender}`;
    const count = this.used.get(key) ?? 0;
    if (count >= 500) throw new Error(`demo ran out of ID sequences for ${key}`);
    this.used.set(key, count + 1);
    return buildIdNumber(addressCode, birthDate, count * 2 + (gender === 'male' ? 1 : 0));
  }
}

function birthDate(random: SeededRandom, age: number): string {
  const year = REFERENCE_YEAR - Math.max(0, age);
  const month = random.integer(1, 12);
  const day = random.integer(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface GridInput {
  gridId: number;
  gridIndex: number;
  districtCode: string;
  communityName: string;
  rectangle: Rectangle;
  households: number;
}

/**
 * Buildings, houses, households and persons for one grid, from the seed and the grid's index only,
 * so that a grid's people are the same whatever else is generated.
 */
export function generateGridPopulation(grid: GridInput, seed: number, ids: IdAllocator, sequencer: IdNumberSequencer, batch: PopulationBatch): void {
  const random = new SeededRandom(seed * 1_000_003 + grid.gridIndex);
  const plannedBuildings: { units: number; floors: number }[] = [];
  let capacity = 0;
  while (capacity < grid.households * 1.1) {
    const building = { units: random.integer(1, 3), floors: random.pick([5, 6, 6, 7, 11, 18]) };
    plannedBuildings.push(building);
    capacity += building.units * building.floors * 2;
  }
  const estate = estateName(random);
  const columns = Math.ceil(Math.sqrt(plannedBuildings.length));
  const rows = Math.ceil(plannedBuildings.length / columns);
  const { west, south, east, north } = grid.rectangle;
  let householdsLeft = grid.households;
  plannedBuildings.forEach((planned, index) => {
    // Buildings stand at lattice points strictly inside the grid, never on its border.
    const column = index % columns;
    const row = Math.floor(index / columns);
    const lon = west + ((east - west) * (column + 0.5 + (random.next() - 0.5) * 0.5)) / columns;
    const lat = south + ((north - south) * (row + 0.5 + (random.next() - 0.5) * 0.5)) / rows;
    const buildingId = ids.building++;
    const buildingName = `${estate}${index + 1}号楼`;
    const address = `${grid.communityName}${buildingName}`;
    batch.buildings.push({ id: buildingId, gridId: grid.gridId, name: buildingName, address, floors: planned.floors, lon, lat });
    for (let unitNumber = 1; unitNumber <= planned.units; unitNumber += 1) {
      const unitId = ids.unit++;
      batch.units.push({ id: unitId, buildingId, name: `${unitNumber}单元` });
      for (let floor = 1; floor <= planned.floors; floor += 1) {
        for (let door = 1; door <= 2; door += 1) {
          const houseId = ids.house++;
          const number = `${floor}0${door}`;
          const occupied = householdsLeft > 0 && random.chance(0.93);
          const rented = occupied && random.chance(0.14);
          batch.houses.push({ id: houseId, buildingId, unitId, floor, number, use: occupied ? (rented ? 'rented' : 'self_occupied') : 'vacant' });
          if (!occupied) continue;
          householdsLeft -= 1;
          const householdId = ids.household++;
          batch.households.push({ id: householdId, houseId, gridId: grid.gridId, householdNumber: `${grid.districtCode}${String(householdId).padStart(9, '0')}` });
          addMembers(random, sequencer, batch, {
            householdId, gridId: grid.gridId, ids, rented,
            districtCode: grid.districtCode, currentAddress: `${address}${unitNumber}单元${number}室`,
          });
        }
      }
    }
  });
}

function addMembers(
  random: SeededRandom, sequencer: IdNumberSequencer, batch: PopulationBatch,
  household: { householdId: number; gridId: number; ids: IdAllocator; rented: boolean; districtCode: string; currentAddress: string },
): void {
  const foreign = household.rented && random.chance(0.03);
  const residency = foreign ? 'foreign' : household.rented ? 'floating' : 'registered';
  const addressCode = residency === 'floating' ? random.pick(ORIGIN_ADDRESS_CODES) : household.districtCode;
  const size = random.pick(HOUSEHOLD_SIZES);
  const headAge = household.rented ? random.integer(22, 50) : random.integer(28, 80);
  const headGender = random.chance(0.55) ? 'male' : 'female';
  const head = personName(random, headGender);
  const members: { name: string; gender: 'male' | 'female'; age: number; relation: string }[] = [
    { name: head, gender: headGender, age: headAge, relation: '户主' },
  ];
  if (size >= 2) {
    const gender = headGender === 'male' ? 'female' : 'male';
    members.push({ name: personName(random, gender), gender, age: Math.max(20, headAge + random.integer(-4, 4)), relation: '配偶' });
  }
  for (let child = 2; child < size; child += 1) {
    if (child === 4 && headAge < 60) {
      const gender = random.chance(0.5) ? 'male' : 'female';
      members.push({ name: personName(random, gender), gender, age: headAge + random.integer(24, 32), relation: gender === 'male' ? '父亲' : '母亲' });
      continue;
    }
    const gender = random.chance(0.5) ? 'male' : 'female';
    const age = Math.max(0, headAge - random.integer(22, 34));
    members.push({ name: personName(random, gender, headGender === 'male' ? surnameOf(head) : undefined), gender, age, relation: gender === 'male' ? '子' : '女' });
  }
  for (const member of members) {
    const date = birthDate(random, member.age);
    const nationality = foreign ? random.pick(NATIONALITIES) : 'CHN';
    batch.persons.push({
      id: household.ids.person++,
      gridId: household.gridId,
      name: member.name,
      gender: member.gender,
      idType: foreign ? 'passport' : 'resident_id_card',
      idNumber: foreign ? `${nationality}${String(household.ids.person).padStart(9, '0')}` : sequencer.next(addressCode, date, member.gender),
      birthDate: date,
      residency,
      nationality,
      mobile: member.age >= 16 ? mobilePhone(random) : null,
      householdId: household.householdId,
      relationToHead: member.relation,
      currentAddress: household.currentAddress,
    });
  }
}
