Drivers' union backs the new rota

The drivers' union said on Friday that it would back the new rota, which starts in the ’90s-era depot on Elm Street.

"It's not perfect, but it's fair," said Tom O'Brien, the union's secretary. "When the manager told us, 'We'll listen,' we believed him."

O'Brien, who is 6'8" tall, said the Joneses’ bakery would stay open late for the night shift.

“We will keep talking,” he added.
