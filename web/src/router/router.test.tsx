// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { href, Link, navigate, useLocation, withQuery } from './router.tsx';

function Where() {
  const location = useLocation();
  return (
    <>
      <output>{`${location.path} ${location.query.get('area') ?? '-'}`}</output>
      <Link href={href('/units/U 1', { date: '2019-06-30', q: undefined })}>unit</Link>
      <Link href={withQuery(location, { area: 'A2', month: undefined })}>same page</Link>
    </>
  );
}

afterEach(cleanup);

describe('router', () => {
  it('builds hrefs without the empty parameters', () => {
    expect(href('/', { area: '5100', month: '', scheme: null })).toBe('/?area=5100');
  });

  it('follows links in the page and the browser’s back button', () => {
    window.history.replaceState(null, '', '/?area=A1&month=2019-06');
    render(<Where />);
    expect(screen.getByRole('status').textContent).toBe('/ A1');
    fireEvent.click(screen.getByText('same page'));
    expect(window.location.search).toBe('?area=A2');
    expect(screen.getByRole('status').textContent).toBe('/ A2');
    fireEvent.click(screen.getByText('unit'));
    expect(screen.getByRole('status').textContent).toBe('/units/U%201 -');
    act(() => {
      window.history.back();
    });
    act(() => navigate('/areas?area=A3', { replace: true }));
    expect(screen.getByRole('status').textContent).toBe('/areas A3');
  });

  it('leaves a modified click to the browser (a new tab)', () => {
    window.history.replaceState(null, '', '/');
    render(<Where />);
    // Seen after the link's handler: stands in for the browser opening a tab (jsdom cannot).
    let leftToBrowser = false;
    const browser = (e: MouseEvent) => {
      leftToBrowser = !e.defaultPrevented;
      e.preventDefault();
    };
    document.addEventListener('click', browser);
    fireEvent.click(screen.getByText('unit'), { ctrlKey: true });
    document.removeEventListener('click', browser);
    expect(leftToBrowser).toBe(true);
    expect(window.location.pathname).toBe('/');
  });
});
