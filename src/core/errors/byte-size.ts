/** `512 MiB`, `2 KiB`, `300 bytes`: sizes as people read them. */
export function byteSize(bytes: number): string {
  const [unit, scale] = bytes >= 1024 * 1024 ? ['MiB', 1024 * 1024] : bytes >= 1024 ? ['KiB', 1024] : ['bytes', 1];
  return `${Math.round((bytes / scale) * 10) / 10} ${unit}`;
}
