// The requests add-on, loaded on first use (`load.ts`): the reporter's requests as the server
// tells them, one of them opened, and support's replies as they come.
export { follow, unfollow } from './follow.js'
export { myRequests } from './list.js'
export { openRequest as request } from './open.js'
