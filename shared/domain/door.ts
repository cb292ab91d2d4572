/**
 * How long a door list stays on a door device after it last came from the server, and so how
 * late a check-in made there may still be sent: a day at the door with the wifi gone, short
 * enough that names do not linger on a shared phone. The console and the API both read it.
 */
export const DOOR_LIST_LIFETIME_MS = 48 * 3600_000;
