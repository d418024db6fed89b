// Readable random room names ("calm-river-42") and the rules a typed name must follow (the server checks again).

const adjectives = ['amber', 'bold', 'brave', 'bright', 'calm', 'clever', 'cosy', 'crisp', 'gentle', 'golden', 'happy', 'jolly', 'kind', 'lively', 'lucky', 'mellow', 'merry', 'misty', 'noble', 'quiet', 'rapid', 'silver', 'sunny', 'swift', 'tidy', 'vivid', 'warm', 'wise'];
const nouns = ['badger', 'brook', 'cedar', 'cloud', 'comet', 'coral', 'falcon', 'fern', 'harbor', 'heron', 'island', 'lagoon', 'maple', 'meadow', 'otter', 'panda', 'pebble', 'river', 'robin', 'sparrow', 'summit', 'tiger', 'tulip', 'valley', 'willow', 'zebra'];

/** `random` returns a number in [0, 1); Math.random in the app, a fixed sequence in tests. */
export function randomRoomName(random: () => number = Math.random): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length) % list.length]!;
  const number = 10 + Math.floor(random() * 90);
  return `${pick(adjectives)}-${pick(nouns)}-${number}`;
}

// The server's rule (Duet.Server.Rooms.RoomName): 1–64 letters, digits, '-' or '_', case-insensitive.
const roomNamePattern = /^[a-z0-9_-]{1,64}$/;

/** Lower-cases, trims and turns spaces into dashes, so "Calm River" joins "calm-river". */
export function normaliseRoomName(input: string): string {
  return input.trim().toLowerCase().replace(/\s+/g, '-');
}

export function isValidRoomName(name: string): boolean {
  return roomNamePattern.test(name);
}
