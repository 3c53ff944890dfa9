import { describe, expect, it } from 'vitest'
import { createMall } from '../../../../core/src/tenancy/tenants.ts'
import { appHtml, useCatalogFixture } from '../../../test/catalog-fixture.ts'

const fixture = useCatalogFixture()

describe('categories view', () => {
  it('lists top-level categories with their children, each linking to its page', async () => {
    const { status, html } = await fixture.get('/categories')
    expect(status).toBe(200)
    expect(html).toContain('<title>全部分类 - Corner Shop</title>')
    const app = appHtml(html)
    expect(app).toContain(`href="/categories/${fixture.ids.fruit}"`)
    expect(app).toContain(`href="/categories/${fixture.ids.apples}"`)
    expect(app).toContain(`href="/categories/${fixture.ids.tea}"`)
    // Children are listed inside their parent's group, after it.
    expect(app).toMatch(/水果[^]*苹果[^]*茶/)
  })

  it('renders in English on ?lang=en', async () => {
    const app = appHtml((await fixture.get('/categories?lang=en')).html)
    expect(app).toContain('Fruit')
    expect(app).toContain('Apples')
    expect(app).not.toContain('水果')
  })

  it('says so when the mall has no categories', async () => {
    await createMall(
      fixture.core.services.db,
      {
        slug: 'bare',
        name: 'Bare Shop',
        defaultLocale: 'en',
        currency: 'CNY',
        timezone: 'Asia/Shanghai',
        planId: 'standard',
        owner: { email: 'owner@bare.test', name: 'Owner', password: 'owner-password-1' },
      },
      null,
    )
    const host = 'bare.localhost'
    const response = await fixture.core.app.request(`http://${host}/categories`, {
      headers: { host },
    })
    expect(response.status).toBe(200)
    const app = appHtml(await response.text())
    expect(app).toContain('No categories yet')
    expect(app).not.toContain('Fruit')
  })
})
