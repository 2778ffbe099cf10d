/** Whether the screen is a phone's width (the map draws smaller, without names on the areas). */
import { useEffect, useState } from 'react';

const QUERY = '(max-width: 640px)';

export function useCompact(): boolean {
  const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY) : undefined;
  const [compact, setCompact] = useState(media?.matches ?? false);
  useEffect(() => {
    if (!media) return;
    const change = () => setCompact(media.matches);
    media.addEventListener('change', change);
    return () => media.removeEventListener('change', change);
  }, [media]);
  return compact;
}
