/**
 * Short forms of given names (hypocorisms) that do not look like their full form: Ted for Theodore or Edward,
 * Bill for William, Bibi for Benjamin. Common English and international forms, from general knowledge of naming
 * conventions; Each line: full name, then its short forms.
 * A short form meets its full name only (Ted ~ Theodore, Ted ~ Edward), never another short form (Ted / Ned).
 */
const TABLE: readonly (readonly string[])[] = [
  ['william', 'bill', 'billy', 'will', 'willy', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'dick', 'rick', 'ricky', 'rich'],
  ['edward', 'ted', 'teddy', 'ned', 'eddie', 'ed'],
  ['theodore', 'ted', 'teddy', 'theo'],
  ['margaret', 'maggie', 'peggy', 'meg', 'greta', 'rita'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'betsy', 'eliza', 'lisa'],
  ['katherine', 'kate', 'kathy', 'katie', 'kitty', 'cathy'],
  ['catherine', 'kate', 'cathy', 'katie'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny'],
  ['joseph', 'joe', 'joey', 'pepe', 'beppe'],
  ['charles', 'chuck', 'charlie'],
  ['henry', 'harry', 'hank'],
  ['anthony', 'tony'],
  ['antonio', 'tony', 'toni'],
  ['benjamin', 'bibi', 'ben', 'benny'],
  ['nicholas', 'nick', 'nicky', 'klaus'],
  ['michael', 'mike', 'mick', 'mickey'],
  ['thomas', 'tom', 'tommy'],
  ['christopher', 'chris', 'kit'],
  ['alexander', 'alex', 'sandy', 'sasha', 'sascha'],
  ['aleksandr', 'sasha', 'shura'],
  ['vladimir', 'volodya', 'vova'],
  ['dmitry', 'dima', 'mitya'],
  ['ivan', 'vanya'],
  ['mikhail', 'misha'],
  ['yevgeny', 'zhenya'],
  ['evgeny', 'zhenya'],
  ['francis', 'frank'],
  ['francisco', 'paco', 'pancho', 'cisco'],
  ['jose', 'pepe'],
  ['ignacio', 'nacho'],
  ['enrique', 'quique'],
  ['lawrence', 'larry'],
  ['laurence', 'larry'],
  ['patrick', 'pat', 'paddy'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['rebecca', 'becky'],
  ['susan', 'sue', 'susie'],
  ['deborah', 'debbie', 'deb'],
  ['jennifer', 'jen', 'jenny'],
  ['barbara', 'barb', 'babs'],
  ['dorothy', 'dot', 'dolly'],
  ['mary', 'molly', 'polly', 'mae'],
  ['sarah', 'sally', 'sadie'],
  ['harold', 'hal', 'harry'],
  ['gerald', 'jerry', 'gerry'],
  ['jerome', 'jerry'],
  ['peter', 'pete'],
  ['samuel', 'sam', 'sammy'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davy'],
  ['donald', 'don', 'donnie'],
  ['ronald', 'ron', 'ronnie'],
  ['kenneth', 'ken', 'kenny'],
  ['stephen', 'steve'],
  ['steven', 'steve'],
  ['timothy', 'tim', 'timmy'],
  ['matthew', 'matt'],
  ['andrew', 'andy', 'drew'],
  ['gregory', 'greg'],
  ['jeffrey', 'jeff'],
  ['frederick', 'fred', 'freddie', 'fritz'],
  ['friedrich', 'fritz'],
  ['johann', 'hans'],
  ['johannes', 'hans'],
];

/** name → the full names it is a short form of, and full name → itself. */
const fullNames = new Map<string, Set<string>>();
for (const [full, ...shorts] of TABLE) {
  for (const n of [full, ...shorts]) {
    const s = fullNames.get(n) ?? new Set<string>();
    s.add(full);
    fullNames.set(n, s);
  }
}

/** Is the name in the table (a full name or a short form)? */
export function hasNickname(a: string): boolean {
  return fullNames.has(a);
}

/** Is one name a customary short form of the other (Ted / Theodore, Bibi / Benjamin)? */
export function nicknameOf(a: string, b: string): boolean {
  return (fullNames.get(a)?.has(b) ?? false) || (fullNames.get(b)?.has(a) ?? false);
}
