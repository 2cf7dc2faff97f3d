import { describe, expect, it } from 'vitest';
import {
  type Block,
  BlockBuilder,
  isBlockCurrent,
  LINE_BREAK,
  locate,
  OBJECT_MARK,
  walkInto,
} from '@/lib/page/blocks';
import { page } from './helpers';

function blocksOf(root: Node): Block[] {
  const out: Block[] = [];
  const builder = new BlockBuilder((b) => out.push(b));
  walkInto(builder, root);
  builder.end();
  return out;
}

describe('walkInto', () => {
  it('joins text split across inline elements into one block', () => {
    const body = page('<p>The <em>International</em> Organization <a href="#">for\nMigration</a> said</p>');
    const [block] = blocksOf(body);
    expect(block?.text).toBe('The International Organization for\nMigration said');
    expect(block?.nodes).toHaveLength(5);
  });

  it('starts a new block at every block element, nested or not', () => {
    const body = page('<div>IOM<p>first</p>tail<section><h2>head</h2>body</section></div>');
    expect(blocksOf(body).map((b) => b.text)).toEqual(['IOM', 'first', 'tail', 'head', 'body']);
  });

  it('never glues the text of two custom elements or a button into one word', () => {
    const body = page('<x-card>IOM</x-card><x-card>text</x-card><button>Migration</button>plan');
    expect(blocksOf(body).map((b) => b.text)).toEqual(['IOM', 'text', 'Migration', 'plan']);
  });

  it('turns <br> into a line break inside the block', () => {
    const body = page('<p>International Organization for<br>Migration</p>');
    expect(blocksOf(body)[0]?.text).toBe(`International Organization for${LINE_BREAK}Migration`);
  });

  it('leaves out skipped inline elements, marking where they were', () => {
    const body = page('<p>run <code>IOM</code> now <input value="IOM"> end</p>');
    expect(blocksOf(body)[0]?.text).toBe(`run ${OBJECT_MARK} now ${OBJECT_MARK} end`);
  });

  it('ends the block at skipped block elements and never reads them', () => {
    const body = page(
      '<div>before<pre>IOM</pre>after<script>var IOM=1</script><template>IOM</template></div>',
    );
    expect(blocksOf(body).map((b) => b.text)).toEqual(['before', 'after']);
  });

  it('skips editors, form fields and the extension’s own UI', () => {
    const body = page(
      '<div contenteditable="true">IOM <b>draft</b></div><textarea>IOM</textarea><select><option>IOM</option></select>' +
        '<iom-lens-card>IOM card</iom-lens-card><div contenteditable="false">kept</div>',
    );
    expect(blocksOf(body).map((b) => b.text)).toEqual(['kept']);
  });
});

describe('locate', () => {
  const body = page('<p>ab<b>cd</b><br>ef</p>');
  const [block] = blocksOf(body) as [Block];

  it('maps a block offset to its text node and offset', () => {
    expect(block.text).toBe('abcd\nef');
    const p = locate(block, 3, 'start');
    expect([p.node.data, p.offset, p.index]).toEqual(['cd', 1, 1]);
  });

  it('ends a span at the end of the node before a node boundary', () => {
    const p = locate(block, 2, 'end');
    expect([p.node.data, p.offset]).toEqual(['ab', 2]);
    expect(locate(block, 2, 'start').node.data).toBe('cd');
  });

  it('moves offsets inside a separator to the nearest real text', () => {
    expect(locate(block, 4, 'end').node.data).toBe('cd');
    const start = locate(block, 4, 'start');
    expect([start.node.data, start.offset]).toEqual(['cd', 2]);
    const inSeparator = locate({ ...block, starts: [0, 2, 6] }, 5, 'start');
    expect([inSeparator.node.data, inSeparator.offset]).toEqual(['ef', 0]);
  });
});

describe('isBlockCurrent', () => {
  it('is true until a node of the block changes or leaves the document', () => {
    const body = page('<p>one <b>two</b></p>');
    const [block] = blocksOf(body) as [Block];
    expect(isBlockCurrent(block)).toBe(true);
    (block.nodes[1] as Text).data = 'three';
    expect(isBlockCurrent(block)).toBe(false);
    (block.nodes[1] as Text).data = 'two';
    expect(isBlockCurrent(block)).toBe(true);
    body.querySelector('b')?.remove();
    expect(isBlockCurrent(block)).toBe(false);
  });
});
