/** Who can be played in the sandbox. The admin's id is added to ADMIN_TELEGRAM_IDS automatically. */
export interface Persona {
  id: number;
  first_name: string;
  username?: string;
  role: string;
}

export const personas: Persona[] = [
  { id: 1001, first_name: 'Alice', username: 'alice', role: 'customer' },
  { id: 1002, first_name: 'Bob', role: 'customer' },
  { id: 2001, first_name: 'Olga', username: 'olga_bakery', role: 'venue owner' },
  // Issue 15: someone Olga invites to the counter (/staff → Invite, then open the link as Sam).
  { id: 2101, first_name: 'Sam', username: 'sam_counter', role: 'venue staff' },
  { id: 9001, first_name: 'Ada', role: 'admin' },
  // Issue 14: the public channel published offers are posted to (CHANNEL_ID); it can be read, not written in.
  { id: -1001000000001, first_name: 'Deals channel', username: 'surplus_deals', role: 'channel' },
];

export const adminPersona = personas.find((p) => p.role === 'admin')!;
export const channelPersona = personas.find((p) => p.role === 'channel')!;

/**
 * Points to send from the "Share location" button or the composer's 📍 (the page also takes a click on its little
 * map): three in Berlin, where the seed's venues are, and one in each of four more cities and time zones (issue 17),
 * so a venue registered in Tokyo, or a customer in New York, shows windows typed and labelled in other zones.
 */
export const presetLocations = [
  { label: 'Alexanderplatz', latitude: 52.5219, longitude: 13.4132 },
  { label: 'Kreuzberg', latitude: 52.4986, longitude: 13.4034 },
  { label: 'Charlottenburg', latitude: 52.5163, longitude: 13.3041 },
  { label: 'Madrid · Puerta del Sol', latitude: 40.4169, longitude: -3.7035 },
  { label: 'Moscow · Red Square', latitude: 55.7539, longitude: 37.6208 },
  { label: 'Tokyo · Shibuya', latitude: 35.6595, longitude: 139.7005 },
  { label: 'New York · Union Square', latitude: 40.7359, longitude: -73.9911 },
];

export const personaById = (id: number) => personas.find((p) => p.id === id);
