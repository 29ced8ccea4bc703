const stripe = require('stripe')('sk_live_jkFlJg7a0NiqOcwvgpQBqtH4');
