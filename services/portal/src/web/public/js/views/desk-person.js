// Whom the desk asked about, for showing beside the answer (the identity service answers with ids only).

const DDMMYYYY = /^(\d{2})(\d{2})(\d{4})$/;

/** The person as typed, or as a chip-based ID card's QR carries them (id|old id|name|ddMMyyyy|gender|…). */
export function statedPerson(stated) {
  if (stated.typed) return stated.typed;
  const parts = stated.qr.split('|');
  if (parts.length < 5 || !/^\d{12}$/.test(parts[0])) return null;
  const dob = DDMMYYYY.exec(parts[3]);
  return { idNumber: parts[0], fullName: parts[2], dateOfBirth: dob ? `${dob[3]}-${dob[2]}-${dob[1]}` : undefined };
}
