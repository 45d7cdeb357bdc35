import { CONTACT_CODE_TEMPLATE, isCitizenNews } from './citizen-messages';

// What the citizen reads on the portal as "messages sent to you" about a complaint.

describe('the messages a citizen is shown as sent to them', () => {
  it.each(['complaint-received', 'complaint-information-requested', 'complaint-rejected', 'complaint-resolved'])(
    'include news to the phone: %s',
    (template) => expect(isCitizenNews({ recipient: 'phone', template })).toBe(true),
  );

  it("leave out what is sent to units: a unit's queue is its record", () => {
    expect(isCitizenNews({ recipient: 'unit', template: 'complaint-assigned' })).toBe(false);
  });

  it('leave out the one-time code: a secret, kept only hashed', () => {
    expect(isCitizenNews({ recipient: 'phone', template: CONTACT_CODE_TEMPLATE })).toBe(false);
  });
});
