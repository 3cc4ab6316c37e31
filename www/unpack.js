// Rebuilds the value that src/export/packed.rs packed: the same object JSON.parse would give of
// the value's JSON, with every string that is a slice of the annotated text cut from `text`.
// `numbers` is the op stream (a view of the module's memory: read it before calling into the
// module again); `strings` the distinct strings, concatenated. The layout is documented there.

export function unpack(text, numbers, strings) {
  // The ops (inside the function: the single-file page concatenates this with other scripts).
  const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, STRING = 4, TEXT = 5, ARRAY = 6, OBJECT = 7;
  // The objects of the annotations' shapes (by their keys), built as literals: the engine makes
  // each with its final layout at once. Setting the keys one by one, as for any other shape,
  // took twice as long for the objects of 1 MB of news. `v` reads the next value.
  const LITERALS = {
    'start,end,text': (v) => ({ start: v(), end: v(), text: v() }),
    'start,end,text,kind': (v) => ({ start: v(), end: v(), text: v(), kind: v() }),
    'start,end,text,outerStart,outerEnd,kind,speaker,speakerName,speakerMention,cue,rule': (v) => ({
      start: v(), end: v(), text: v(), outerStart: v(), outerEnd: v(), kind: v(), speaker: v(),
      speakerName: v(), speakerMention: v(), cue: v(), rule: v(),
    }),
    'name,gender,mentions': (v) => ({ name: v(), gender: v(), mentions: v() }),
    'start,end,text,name,kind,country,lat,lon': (v) => ({
      start: v(), end: v(), text: v(), name: v(), kind: v(), country: v(), lat: v(), lon: v(),
    }),
    'start,end,text,type,value,rule': (v) => ({ start: v(), end: v(), text: v(), type: v(), value: v(), rule: v() }),
    'start,end,message': (v) => ({ start: v(), end: v(), message: v() }),
    'quotes,people,places,dates,notes': (v) => ({ quotes: v(), people: v(), places: v(), dates: v(), notes: v() }),
  };
  const table = [];
  let at = numbers[0];
  const count = numbers[at++];
  for (let i = 0, from = 0; i < count; i++) {
    const to = from + numbers[at++];
    table.push(strings.slice(from, to));
    from = to;
  }
  const builders = [];
  for (let shapes = numbers[at++]; shapes > 0; shapes--) {
    const keys = [];
    for (let n = numbers[at++]; n > 0; n--) keys.push(table[numbers[at++]]);
    const shape = keys.join(',');
    builders.push(Object.hasOwn(LITERALS, shape) ? LITERALS[shape] : ((v) => {
      const object = {};
      for (const key of keys) object[key] = v();
      return object;
    }));
  }
  at = 1;
  const value = () => {
    switch (numbers[at++]) {
      case NULL: return null;
      case FALSE: return false;
      case TRUE: return true;
      case NUMBER: return numbers[at++];
      case STRING: return table[numbers[at++]];
      case TEXT: {
        const start = numbers[at++];
        return text.slice(start, numbers[at++]);
      }
      case ARRAY: {
        const items = [];
        for (let n = numbers[at++]; n > 0; n--) items.push(value());
        return items;
      }
      case OBJECT: return builders[numbers[at++]](value);
      default:
        throw new Error(`unpack: unknown op ${numbers[at - 1]} at ${at - 1}`);
    }
  };
  return value();
}
