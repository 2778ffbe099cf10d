import { describe, expect, it } from 'vitest';
import { eventBody, eventParts } from './task-event-body.ts';

describe('task event bodies', () => {
  it('reads back the notification and the file the system wrote, whatever they contain', () => {
    const number = '川公社〔2019〕1号 (更正)';
    expect(eventParts('created', eventBody.created(number))).toEqual({ notice: number, file: null });
    expect(eventParts('carried', eventBody.carried(number))).toEqual({ notice: number, file: null });
    expect(eventParts('withdrawn', eventBody.withdrawn(number))).toEqual({ notice: number, file: null });
    const file = { name: '整改 (1) 照片.jpg', size: 12_345, sha256: 'a'.repeat(64) };
    expect(eventParts('evidence', eventBody.evidence(file))).toEqual({
      notice: null,
      file: { name: file.name, size: file.size },
    });
  });

  it('leaves people’s words alone, even when they look like the system’s', () => {
    expect(eventParts('comment', 'from 川公社〔2019〕1号')).toEqual({ notice: null, file: null });
    expect(eventParts('status', 'carried to correction X')).toEqual({ notice: null, file: null });
    expect(eventParts('created', null)).toEqual({ notice: null, file: null });
    expect(eventParts('evidence', 'not the format')).toEqual({ notice: null, file: null });
  });
});
