// Rebuilds the value that src/export/packed.rs packed: the same object JSON.parse would give of
// the value's JSON, with every string that is a slice of the annotated text cut from `text`.
// `numbers` is the op stream (a view of the module's memory: read it before calling into the
// module again); `strings` the distinct strings, concatenated. The layout is documented there.

export function unpack(text, numbers, strings) {
  // The ops (inside the function: the single-file page concatenates this with other scripts).
  const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, STRING = 4, TEXT = 5, ARRAY = 6, OBJECT = 7;
  const table = [];
  let at = numbers[0];
  const count = numbers[at++];
  for (let i = 0, from = 0; i < count; i++) {
    const to = from + numbers[at++];
    table.push(strings.slice(from, to));
    from = to;
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
      case OBJECT: {
        const object = {};
        for (let n = numbers[at++]; n > 0; n--) {
          const key = table[numbers[at++]];
          object[key] = value();
        }
        return object;
      }
      default:
        throw new Error(`unpack: unknown op ${numbers[at - 1]} at ${at - 1}`);
    }
  };
  return value();
}
