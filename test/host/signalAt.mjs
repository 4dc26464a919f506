// `node --import ./signalAt.mjs ...`: the process sends itself $TTLAB_SIGNAL at one chosen moment, the worst one for
// a shutdown handler: "url" while it prints its URL (the moment a user or a test reacts to), "listen" while the
// host is still starting. A process signalled before its handler is installed dies by the default action.
import net from 'node:net';

const signal = process.env.TTLAB_SIGNAL;
const moment = process.env.TTLAB_SIGNAL_AT;
let sent = false;
const send = () => {
  if (sent) return;
  sent = true;
  process.kill(process.pid, signal);
};

if (moment === 'url') {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    const written = write(chunk, ...rest);
    if (String(chunk).includes('?token=')) send();
    return written;
  };
}
if (moment === 'listen') {
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    send();
    return listen.apply(this, args);
  };
}
