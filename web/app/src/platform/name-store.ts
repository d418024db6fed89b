// Remembers the name a person typed, so the next call (and the other person's avatar) use it without asking again.
const key = 'duet.displayName';

export function loadDisplayName(): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return ''; // storage blocked (private mode, sandboxed iframe)
  }
}

export function saveDisplayName(name: string): void {
  try {
    if (name) localStorage.setItem(key, name);
    else localStorage.removeItem(key);
  } catch {
    // not remembered; the call still uses it
  }
}
