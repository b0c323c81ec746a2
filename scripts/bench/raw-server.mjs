// The baseline of the warm rows of `npm run bench:api`: a raw Node `http` server that answers each
// path with bytes and headers recorded from the api's own warm answer (sent as JSON on stdin:
// { "<path>": { "headers": {...}, "body": "<base64>" } }). Nothing else: the ceiling of what
// serving those bytes from this process can reach. Prints a ready line; stops on SIGTERM.
import { createServer } from 'node:http';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const answers = new Map(
  Object.entries(JSON.parse(input)).map(([path, { headers, body }]) => [
    path,
    { headers, body: Buffer.from(body, 'base64') },
  ]),
);
const server = createServer((request, response) => {
  const answer = answers.get(request.url);
  if (!answer) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, answer.headers);
  response.end(answer.body);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
server.listen(0, '127.0.0.1', () => console.log(`raw ready at http://127.0.0.1:${server.address().port}/graphql`));
