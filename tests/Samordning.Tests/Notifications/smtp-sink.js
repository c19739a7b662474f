// A real SMTP server for the Notifications tests (npm smtp-server): every accepted message is written as an .eml
// file to the folder given. Recipients starting with "reject" get 550, "busy" get 451, and "hang" get no answer,
// so the tests can see one failing recipient never stop the others.
//   node smtp-sink.js <port> <folder>
'use strict';
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const [port, folder] = process.argv.slice(2);
fs.mkdirSync(folder, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, session, callback) {
    const local = address.address.split('@')[0];
    if (local.startsWith('reject')) {
      const error = new Error('No such user');
      error.responseCode = 550;
      return callback(error);
    }
    if (local.startsWith('busy')) {
      const error = new Error('Try again later');
      error.responseCode = 451;
      return callback(error);
    }
    if (local.startsWith('hang')) {
      return; // never answers: the client's timeout must save it
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', chunk => chunks.push(chunk));
    stream.on('end', () => {
      const name = path.join(folder, `${process.pid}-${++count}.eml`);
      fs.writeFileSync(name + '.tmp', Buffer.concat(chunks));
      fs.renameSync(name + '.tmp', name);
      callback();
    });
  },
});

server.on('error', error => console.error(error.message));
server.listen(Number(port), '127.0.0.1', () => console.log('listening'));
