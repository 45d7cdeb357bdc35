import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FileComplaintRequest } from './file-complaint.request-dto';

const filing = (subject: object) =>
  plainToInstance(FileComplaintRequest, {
    stated: { fullName: 'Lò Thị Mai', dateOfBirth: '1990-04-02', gender: 'female', idNumber: '012190004567' },
    contact: { phone: '0912345678', address: 'Bản Nà Khuy, xã Bình Lư' },
    contactCode: '042917',
    subject,
    description: 'Số lô sai',
    evidenceIds: [],
  });

async function subjectProblems(subject: object) {
  const errors = await validate(filing(subject));
  return errors.filter((e) => e.property === 'subject').map((e) => e.constraints);
}

describe('a complaint subject fields the filing rules do not read', () => {
  it('refuses a certificate id that is not an id (it was kept and answered back as a number)', async () => {
    expect(await subjectProblems({ type: 'certificate', certificateId: 5, siteId: null })).toEqual([
      { subjectFieldTypes: 'certificateId must be a certificate id or null' },
    ]);
  });

  it('refuses claimed dose facts that are not text, listed or not', async () => {
    const subject = { type: 'dose-details', doseNumber: 2, fields: ['lotNumber'], siteId: 'LC-TD-01' };
    expect(await subjectProblems({ ...subject, claimed: { lotNumber: 'ABV5811', vaccineCode: 7 } })).toEqual([
      { subjectFieldTypes: 'claimed.vaccineCode must be text' },
    ]);
    expect(await subjectProblems({ ...subject, claimed: ['ABV5811'] })).toEqual([
      { subjectFieldTypes: 'claimed must be an object of dose facts' },
    ]);
  });

  it('accepts the documented shapes', async () => {
    expect(await subjectProblems({ type: 'certificate', certificateId: 'URN:UVCI:01:VN:ABC', siteId: null })).toEqual(
      [],
    );
    expect(await subjectProblems({ type: 'certificate' })).toEqual([]);
    const claimed = { lotNumber: 'ABV5811' };
    expect(
      await subjectProblems({
        type: 'dose-details',
        doseNumber: 2,
        fields: ['lotNumber'],
        claimed,
        siteId: 'LC-TD-01',
      }),
    ).toEqual([]);
  });
});
