/** Waits that end early when woken: shutdown, or new work, must not wait out a timer. */
export class InterruptibleSleep {
  private readonly sleepers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => (clearTimeout(timer), this.sleepers.delete(wake), resolve());
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  wake(): void {
    this.sleepers.forEach((wake) => wake());
  }
}
