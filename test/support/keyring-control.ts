import { connect } from 'node:net';

/**
 * gnome-keyring's control protocol (what its PAM module uses at login): a
 * credentials byte, then [length, op UNLOCK=1, password length, password];
 * the answer's code 0 is OK. It unlocks without the prompt D-Bus would need.
 */
export function unlockThroughControlSocket(path: string, password: string, timeoutMs: number): Promise<void> {
  const secret = Buffer.from(password, 'utf8');
  const packet = Buffer.alloc(12 + secret.length);
  packet.writeUInt32BE(packet.length, 0);
  packet.writeUInt32BE(1, 4);
  packet.writeUInt32BE(secret.length, 8);
  secret.copy(packet, 12);
  return new Promise((resolve, reject) => {
    const socket = connect({ path });
    const reply: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('the keyring control socket did not answer')));
    socket.on('connect', () => socket.write(Buffer.concat([Buffer.from([0]), packet])));
    socket.on('data', (chunk) => reply.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(reply);
      if (answer.length >= 8 && answer.readUInt32BE(4) === 0) resolve();
      else reject(new Error(`the keyring refused to unlock (answer ${answer.toString('hex') || 'empty'})`));
    });
  });
}
