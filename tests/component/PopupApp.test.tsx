import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopupApp } from '@/components/PopupApp';

describe('PopupApp', () => {
  it('says when the page is still being looked at', () => {
    render(<PopupApp report={null} loading />);
    expect(screen.getByTestId('page-status').textContent).toContain('Looking');
  });

  it('says when IOM Lens does not run on the page', () => {
    render(<PopupApp report={null} loading={false} />);
    expect(screen.getByTestId('page-status').textContent).toContain('does not run');
  });

  it('counts the mentions on the page', () => {
    render(<PopupApp report={{ url: 'https://a.test/', count: 3 }} loading={false} />);
    expect(screen.getByTestId('page-status').textContent).toBe('3 mentions on this page.');
  });
});
